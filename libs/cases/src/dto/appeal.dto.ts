import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MultiLineText } from '@app/common';

export class AppealDto {
  @ApiProperty({ example: 'The inheritance certificate was issued by the Amtsgericht München; please look again.' })
  @IsString()
  @IsNotEmpty({ message: 'say why the decision is wrong' })
  @MaxLength(4000)
  @MultiLineText()
  statement!: string;
}
